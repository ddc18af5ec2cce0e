/**
 * The Lambda handler of the items service: deploy it behind any HTTP event source.
 */
import { createHandler } from 'gantry';
import { ItemStore } from './item-store.js';
import { ItemsController } from './items-controller.js';

export const handler = createHandler({
  controllers: [new ItemsController(new ItemStore())],
  service: 'items',
});
