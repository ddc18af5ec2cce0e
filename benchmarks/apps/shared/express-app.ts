/**
 * The benchmark app on Express 5, shared by the Express adapters (each builds its own app).
 */
import express, { type Express } from 'express';

/** An Express app serving `GET /items/:id` and `POST /items` (JSON body). */
export function createExpressApp(): Express {
  const app = express();
  app.use(express.json());
  app.get('/items/:id', (req, res) => {
    const { id } = req.params;
    res.json({ id, name: `item ${id}` });
  });
  app.post('/items', (req, res) => {
    res.status(201).json({ id: 'new', name: (req.body as { name: string }).name });
  });
  return app;
}
