/**
 * The Lambda handler: deploy it behind API Gateway (REST or HTTP API), an ALB, a Function URL or
 * VPC Lattice; it answers each in its own format.
 */
import { createHandler } from 'gantry';
import { HelloController } from './hello-controller.js';

export const handler = createHandler({ controllers: [HelloController], service: 'my-service' });
