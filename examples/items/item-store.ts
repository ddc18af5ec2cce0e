/**
 * An in-memory item store: what a blog-post todo service keeps in DynamoDB, kept in memory so
 * the example runs anywhere. One store per execution environment.
 */
import { randomUUID } from 'node:crypto';

export interface Item {
  id: string;
  name: string;
  done: boolean;
  createdAt: string;
}

export class ItemStore {
  readonly #items = new Map<string, Item>();

  list(limit: number, done?: boolean): Item[] {
    const all = [...this.#items.values()];
    return (done === undefined ? all : all.filter((item) => item.done === done)).slice(0, limit);
  }

  get(id: string): Item | undefined {
    return this.#items.get(id);
  }

  add(fields: { name: string; done?: boolean }): Item {
    const item: Item = {
      id: randomUUID(),
      name: fields.name,
      done: fields.done ?? false,
      createdAt: new Date().toISOString(),
    };
    this.#items.set(item.id, item);
    return item;
  }

  delete(id: string): boolean {
    return this.#items.delete(id);
  }
}
