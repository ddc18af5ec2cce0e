/**
 * Gantry with translation and routing only (`observability: false`).
 */
import { createHandler } from 'gantry';
import { ItemsController } from './shared/items-controller.js';

export const handler = createHandler({
  controllers: [ItemsController],
  service: 'bench',
  observability: false,
});
