// The one reader of Boxed's environment variables (settings-schema.ts lists them). Functions take
// the environment as a parameter (default process.env) so tests and spawned processes can pass
// their own. `readSetting` parses one variable where it is used; `checkSettings` checks them all
// and is called where each process starts (boxed start, the worker, the web server), so a bad
// value stops it at once with every problem listed instead of failing later in one request.
import { UserFacingError } from "@/lib/errors";
import { SETTINGS, type SettingName, type SettingSpec, type SettingValue } from "@/lib/settings/settings-schema";

export type Environment = Record<string, string | undefined>;

export class SettingError extends UserFacingError {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `Bad settings:\n  ${problems.join("\n  ")}`);
    this.name = "SettingError";
  }
}

function parse<K extends SettingName>(name: K, env: Environment): { value: SettingValue<K> } | { problem: string } {
  const spec = SETTINGS[name] as SettingSpec<unknown>;
  const raw = env[name]?.trim();
  if (!raw) return { value: spec.fallback as SettingValue<K> };
  const parsed = spec.schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data as SettingValue<K> };
  return { problem: `${name} must be ${spec.rule}, not "${raw}"` };
}

/** The variable's value (its default when unset or blank); throws SettingError naming it and the bad value. */
export function readSetting<K extends SettingName>(name: K, env: Environment = process.env): SettingValue<K> {
  const result = parse(name, env);
  if ("problem" in result) throw new SettingError([result.problem]);
  return result.value;
}

/** Every bad variable, one message each (empty when all are good). */
export function settingProblems(env: Environment = process.env): string[] {
  return (Object.keys(SETTINGS) as SettingName[]).flatMap((name) => {
    const result = parse(name, env);
    return "problem" in result ? [result.problem] : [];
  });
}

/** Throws one SettingError listing every bad variable. */
export function checkSettings(env: Environment = process.env): void {
  const problems = settingProblems(env);
  if (problems.length) throw new SettingError(problems);
}
