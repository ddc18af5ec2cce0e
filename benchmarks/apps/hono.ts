/**
 * Hono with its AWS Lambda adapter (`hono/aws-lambda`: REST API, HTTP API, Function URL, ALB).
 */
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const app = new Hono();

app.get('/items/:id', (c) => {
  const id = c.req.param('id');
  return c.json({ id, name: `item ${id}` });
});

app.post('/items', async (c) => {
  const { name } = await c.req.json<{ name: string }>();
  return c.json({ id: 'new', name }, 201);
});

export const handler = handle(app);
