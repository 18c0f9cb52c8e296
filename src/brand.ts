/**
 * Class identity that survives the dual-package hazard.
 *
 * An app can hold two copies of pulse-rx (ESM `import` and CommonJS `require` load different
 * files; a bundler may inline one more). `instanceof` compares prototypes, so a client or an
 * error from one copy fails it in the other. A brand is a `Symbol.for` key (one registry per
 * realm, shared by every copy) set on the class's prototype: an instance of a subclass
 * carries its ancestors' brands through the prototype chain, and the guards below compare
 * brands rather than prototypes.
 */

const KEY = Symbol.for('pulse-rx.brandKey');

/** A class, seen as the one thing a brand needs of it. */
type Ctor = { prototype: unknown };

/** The brand a class was given by {@link brand}, when it has its own (not a parent's). */
function ownBrand(ctor: Ctor): symbol | undefined {
  return Object.prototype.hasOwnProperty.call(ctor, KEY) ? (ctor as unknown as Record<symbol, symbol>)[KEY] : undefined;
}

/**
 * Gives a class the brand `pulse-rx.<name>`: its instances (and its subclasses') carry it.
 * Call once per class, right after it (not in a `static {}` block: the CommonJS build turns
 * those into anonymous class expressions, and the class would lose its name).
 * The class is also given `name` back when the build renamed it: the ES modules are built
 * without keepNames (tree-shaking), and a class that refers to itself in its body comes out
 * as `class _PulseClient`.
 */
export function brand(ctor: Ctor, name: string): void {
  const key = Symbol.for(`pulse-rx.${name}`);
  Object.defineProperty(ctor, KEY, { value: key });
  Object.defineProperty(ctor.prototype as object, key, { value: true });
  if ((ctor as { name?: string }).name !== name) {
    Object.defineProperty(ctor, 'name', { value: name, configurable: true });
  }
}

/**
 * Whether `value` is an instance of `ctor` in any copy of pulse-rx: by brand when the class
 * has its own, by prototype otherwise (a user's unbranded subclass).
 */
export function isBranded(ctor: Ctor, value: unknown): boolean {
  const key = ownBrand(ctor);
  if (key === undefined) return Function.prototype[Symbol.hasInstance].call(ctor as object, value);
  return (typeof value === 'object' || typeof value === 'function') && value !== null && (value as Record<symbol, unknown>)[key] === true;
}
