/**
 * Express 5 through serverless-http.
 */
import serverless from 'serverless-http';
import { createExpressApp } from './shared/express-app.js';

export const handler = serverless(createExpressApp());
