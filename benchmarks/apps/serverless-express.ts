/**
 * Express 5 through @codegenie/serverless-express (the maintained fork of
 * aws-serverless-express), the setup most blog posts show.
 */
import { configure } from '@codegenie/serverless-express';
import { createExpressApp } from './shared/express-app.js';

export const handler = configure({ app: createExpressApp() });
