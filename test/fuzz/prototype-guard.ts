/**
 * Watches `Object.prototype` for pollution: keys added, removed or replaced since the guard was
 * made, and puts it back so one polluting case cannot fail every case after it.
 */

/** A record of `Object.prototype` as it was. */
export interface PrototypeGuard {
  /** What changed since the guard was made, as readable lines; restores what changed. */
  changes(): string[];
}

/**
 * Takes a snapshot of `Object.prototype` now.
 *
 * @example
 * ```ts
 * const guard = prototypeGuard();
 * // ... run code that may pollute ...
 * expect(guard.changes()).toEqual([]);
 * ```
 */
export function prototypeGuard(): PrototypeGuard {
  const proto = Object.prototype as Record<PropertyKey, unknown>;
  const before = new Map(
    Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)]),
  );
  return {
    changes() {
      const changes: string[] = [];
      for (const key of Reflect.ownKeys(proto)) {
        if (before.has(key)) continue;
        changes.push(`Object.prototype gained ${String(key)} = ${JSON.stringify(proto[key])}`);
        delete proto[key];
      }
      for (const [key, descriptor] of before) {
        const now = Object.getOwnPropertyDescriptor(proto, key);
        if (now?.value === descriptor?.value && now?.get === descriptor?.get) continue;
        changes.push(`Object.prototype.${String(key)} was ${now ? 'replaced' : 'removed'}`);
        if (descriptor) Object.defineProperty(proto, key, descriptor);
      }
      return changes;
    },
  };
}
