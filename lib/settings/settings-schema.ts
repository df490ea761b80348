// Every environment variable Boxed reads, with its zod schema, its default and what it does. The
// README's configuration table is generated from this list (settings-table.ts) and a test fails
// when the two differ; read-settings.ts is the only code that looks at process.env for them.
// Unset or blank means the default; anything else must pass the schema, or the process refuses
// to start with a message naming the variable, the value and what it must be.
import { z } from "zod";
import { EMAIL_PATTERN } from "@/lib/users/email";

export interface SettingSpec<T> {
  /** The README's "default" column (markdown). */
  shown: string;
  /** The README's "what it does" column (markdown). */
  what: string;
  /** What a good value is, completing "<NAME> must be …, not "<value>"". */
  rule: string;
  /** Parses a trimmed, non-empty value. */
  schema: z.ZodType<T, string>;
  /** The value when the variable is unset or blank (undefined: none). */
  fallback: T | undefined;
  /** Listed in the README row of another variable (the OIDC four share one row). */
  rowWith?: string;
}

const spec = <T, F extends T | undefined>(s: SettingSpec<T> & { fallback: F }) => s;

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const positiveNumber = z
  .string()
  .transform(Number)
  .pipe(z.number().positive().finite());
const text = z.string();
const url = z.string().refine((value) => URL.canParse(value));

export const SETTINGS = {
  PORT: spec({ shown: "`3000`", what: "web server port of `npm start`", rule: "a number from 1 to 65535", schema: wholeNumber(1, 65_535), fallback: 3000 }),
  DATABASE_URL: spec({
    shown: "embedded",
    what: "use this PostgreSQL (12+) instead of the embedded one, which is then never started",
    rule: "a PostgreSQL connection URL (postgresql://user:password@host:5432/database)",
    schema: z.string().regex(/^postgres(ql)?:\/\//),
    fallback: undefined,
  }),
  BOXED_HOME: spec({ shown: "`<checkout>/.boxed`", what: "local state: embedded database, generated secrets, uploads and exports", rule: "a directory", schema: text, fallback: undefined }),
  BOXED_PG_DATA: spec({ shown: "`$BOXED_HOME/pgdata`", what: "data directory of the embedded PostgreSQL", rule: "a directory", schema: text, fallback: undefined }),
  BOXED_ADMIN_EMAIL: spec({
    shown: "`admin@boxed.local`",
    what: "email of the first admin, created when the database has no user",
    rule: "an email address",
    schema: z.string().regex(EMAIL_PATTERN),
    fallback: "admin@boxed.local",
  }),
  BOXED_ADMIN_PASSWORD: spec({
    shown: "generated, printed once",
    what: "password of that first admin (stored hashed)",
    rule: "a password of at least 10 characters",
    schema: z.string().min(10),
    fallback: undefined,
  }),
  BOXED_DEMO: spec({ shown: "`1`", what: "`0` skips loading the demo data into an empty database", rule: "0 or 1", schema: z.enum(["0", "1"]), fallback: "1" }),
  NEXTAUTH_SECRET: spec({ shown: "generated into `$BOXED_HOME`", what: "signs session tokens; set the same value on every web server", rule: "a secret", schema: text, fallback: undefined }),
  NEXTAUTH_URL: spec({
    shown: "`http://localhost:$PORT`",
    what: "the public URL of the studio (needed behind a proxy and for single sign-on)",
    rule: "a URL such as https://boxed.example.org",
    schema: url,
    fallback: undefined,
  }),
  BOXED_SECRET_KEY: spec({
    shown: "generated into `$BOXED_HOME`",
    what: "encrypts endpoint API keys at rest; set the same value on every web server and worker",
    rule: "a secret",
    schema: text,
    fallback: undefined,
  }),
  BOXED_OIDC_ISSUER: spec({
    shown: "unset",
    what: "optional OpenID Connect sign-in; only users an admin created (by email) may enter",
    rule: "the issuer's URL",
    schema: url,
    fallback: undefined,
  }),
  BOXED_OIDC_CLIENT_ID: spec({ shown: "unset", what: "", rule: "a client id", schema: text, fallback: undefined, rowWith: "BOXED_OIDC_ISSUER" }),
  BOXED_OIDC_CLIENT_SECRET: spec({ shown: "unset", what: "", rule: "a client secret", schema: text, fallback: undefined, rowWith: "BOXED_OIDC_ISSUER" }),
  BOXED_OIDC_NAME: spec({ shown: "unset", what: "", rule: "a button label", schema: text, fallback: undefined, rowWith: "BOXED_OIDC_ISSUER" }),
  BOXED_TRUSTED_PROXY_HOPS: spec({
    shown: "`0`",
    what:
      "how many reverse proxies of yours stand in front of the web server; the client address (sign-in throttling, audit log) is then read that many hops from the right of `X-Forwarded-For`. At `0` the header is ignored and the socket's address is used ([docs/security.md](docs/security.md#sign-in-throttling))",
    rule: "a whole number from 0 to 10 (the proxies in front of Boxed)",
    schema: wholeNumber(0, 10),
    fallback: 0,
  }),
  BOXED_MAX_FIELD_CHARS: spec({
    shown: "`200000`",
    what: "longest problem, solution or other text field an import accepts; a longer one refuses the file, naming file, line and field",
    rule: "a whole number of characters, at least 1000",
    schema: wholeNumber(1_000),
    fallback: 200_000,
  }),
  BOXED_DB_POOL_SIZE: spec({
    shown: "`10`",
    what: "database connections per pool and process (Prisma's pool and the raw `pg` pool each hold up to this many)",
    rule: "a whole number from 1 to 1000",
    schema: wholeNumber(1, 1_000),
    fallback: 10,
  }),
  BOXED_JOB_HEARTBEAT_SECONDS: spec({
    shown: "`60`",
    what: "a running job unheard of for this long (its worker killed or cut off) is failed or retried (at least 10)",
    rule: "a number of seconds, at least 10",
    schema: positiveNumber.pipe(z.number().min(10)).transform(Math.round),
    fallback: 60,
  }),
  BOXED_JOB_SUPERVISE_SECONDS: spec({
    shown: "`15`",
    what: "how often each worker looks for such jobs and fails their Tasks",
    rule: "a number of seconds, at least 1",
    schema: positiveNumber.pipe(z.number().min(1)).transform(Math.round),
    fallback: 15,
  }),
  BOXED_WORKER_CONCURRENCY: spec({
    shown: "`256`",
    what: "at most this many generation requests in flight per batch runner (an endpoint's own limit also applies)",
    rule: "a positive number",
    schema: positiveNumber,
    fallback: 256,
  }),
  BOXED_BATCH_LEASE_MS: spec({ shown: "`30000`", what: "how long a batch request's claim lives without renewal (renewed every third of it)", rule: "a positive number of milliseconds", schema: positiveNumber, fallback: 30_000 }),
  BOXED_BATCH_MAX_ATTEMPTS: spec({ shown: "`8`", what: "attempts per generation request, the first included, before it fails for good", rule: "a positive number", schema: positiveNumber, fallback: 8 }),
  BOXED_BATCH_SLICE_MS: spec({ shown: "`600000`", what: "a batch runner hands its batch back to the queue after this long, so batches take turns", rule: "a positive number of milliseconds", schema: positiveNumber, fallback: 600_000 }),
  BOXED_BATCH_FLUSH_SIZE: spec({ shown: "`50`", what: "a batch runner writes its results once it holds this many", rule: "a positive number", schema: positiveNumber, fallback: 50 }),
  BOXED_BATCH_FLUSH_MS: spec({ shown: "`200`", what: "or this long after the first of them arrived", rule: "a positive number of milliseconds", schema: positiveNumber, fallback: 200 }),
  BOXED_BATCH_BACKOFF_MS: spec({ shown: "`500`", what: "first wait before retrying a failed generation request (doubling)", rule: "a positive number of milliseconds", schema: positiveNumber, fallback: 500 }),
  BOXED_BATCH_BACKOFF_MAX_MS: spec({ shown: "`30000`", what: "longest wait between retries of a generation request", rule: "a positive number of milliseconds", schema: positiveNumber, fallback: 30_000 }),
  BOXED_START_WEB_SCRIPT: spec({ shown: "unset", what: "tests only: a script `boxed start` runs instead of `next start`", rule: "a file", schema: text, fallback: undefined }),
  CHROMIUM_PATH: spec({ shown: "`/usr/bin/chromium`", what: "browser for the end-to-end tests", rule: "a file", schema: text, fallback: undefined }),
  BOXED_SHARED_DIR: spec({ shown: "`../shared`", what: "where tests and benchmarks find the public benchmark files", rule: "a directory", schema: text, fallback: undefined }),
};

export type SettingName = keyof typeof SETTINGS;
type SpecOf<K extends SettingName> = (typeof SETTINGS)[K];
/** The parsed value: the schema's output, or undefined for a variable without a default. */
export type SettingValue<K extends SettingName> = SpecOf<K> extends SettingSpec<infer T> ? (undefined extends SpecOf<K>["fallback"] ? T | undefined : T) : never;
