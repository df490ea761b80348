// The option tables `boxed` commands hand to node:util parseArgs, built from the flag names: every
// command declares its options the same one way, and parseArgs still types each value.
export type ValueOptions<K extends string> = { [P in K]: { type: "string" } };
export type FlagOptions<K extends string> = { [P in K]: { type: "boolean"; default: false } };

/** Options that take a value (`--name VALUE`); a value is undefined when the option is absent. */
export function valueOptions<const K extends string>(...names: K[]): ValueOptions<K> {
  return Object.fromEntries(names.map((name) => [name, { type: "string" }])) as ValueOptions<K>;
}

/** On/off options (`--name`); a value is false when the option is absent. */
export function flagOptions<const K extends string>(...names: K[]): FlagOptions<K> {
  return Object.fromEntries(names.map((name) => [name, { type: "boolean", default: false }])) as FlagOptions<K>;
}

/** Value options first, then flags: the whole table of a command in one call. */
export function commandOptions<const V extends string, const F extends string = never>(values: V[], flags: F[] = []): ValueOptions<V> & FlagOptions<F> {
  return { ...valueOptions(...values), ...flagOptions(...flags) };
}
