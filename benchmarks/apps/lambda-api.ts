/**
 * lambda-api (Jeremy Daly's framework for Lambda: REST API, HTTP API, ALB).
 */
import type { Context } from 'aws-lambda';
import lambdaApi, { type Request as ApiRequest, type Response as ApiResponse } from 'lambda-api';

// lambda-api's types are a CommonJS declaration (`export default` in a package without
// `"type": "module"`), so TypeScript sees the default import as the CommonJS module object, whose
// `default` is `createAPI`; at run time the ES module build's default import is `createAPI` itself.
const createAPI = ((lambdaApi as unknown as { default?: typeof lambdaApi.default }).default ??
  lambdaApi) as typeof lambdaApi.default;

const api = createAPI();

api.get('/items/:id', (req: ApiRequest) => ({ id: req.params.id, name: `item ${req.params.id}` }));

api.post('/items', (req: ApiRequest, res: ApiResponse) => {
  res.status(201).json({ id: 'new', name: (req.body as { name: string }).name });
});

export const handler = (event: unknown, context: Context) => api.run(event as never, context);
