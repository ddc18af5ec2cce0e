/**
 * The benchmark app on Powertools' event-handler Router, shared by the Powertools Router
 * variants (each builds its own Router).
 */
import { Router } from '@aws-lambda-powertools/event-handler/http';

/** A Router serving `GET /items/:id` and `POST /items`. */
export function createItemsRouter(): Router {
  const app = new Router();
  app.get('/items/:id', ({ params }) => ({ id: params.id, name: `item ${params.id}` }));
  app.post('/items', async ({ req }) => {
    const { name } = (await req.json()) as { name: string };
    return Response.json({ id: 'new', name }, { status: 201 });
  });
  return app;
}
