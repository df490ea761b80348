import { createServer } from "node:net";
import { UserFacingError } from "@/lib/errors";

/** Fails with the fix when another program holds the web port (checked before anything starts). */
export async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolvePromise) => {
    const server = createServer();
    server.once("error", () => resolvePromise(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
  if (!free) {
    throw new UserFacingError(`Port ${port} is already in use by another program.`, `stop it, or start Boxed on another port: PORT=${port + 1} npm start`);
  }
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserFacingError(`PORT must be a number from 1 to 65535 (got "${value}").`);
  return port;
}
