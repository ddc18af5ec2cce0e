/**
 * Fastify 5 through @fastify/aws-lambda, with the app made ready at module load as its README
 * recommends.
 */
import awsLambdaFastify from '@fastify/aws-lambda';
import Fastify from 'fastify';

const app = Fastify();

app.get<{ Params: { id: string } }>('/items/:id', async (request) => {
  const { id } = request.params;
  return { id, name: `item ${id}` };
});

app.post<{ Body: { name: string } }>('/items', async (request, reply) => {
  reply.code(201);
  return { id: 'new', name: request.body.name };
});

export const handler = awsLambdaFastify(app);
await app.ready();
