// A stand-in for `next start` in the start-up tests (BOXED_START_WEB_SCRIPT): a real HTTP server on
// PORT that answers /api/health after BOXED_STANDIN_READY_MS, so the tests can stop `boxed start`
// before, while and after the web server comes up without building the web app.
import { createServer } from "node:http";

const readyAt = Date.now() + Number(process.env.BOXED_STANDIN_READY_MS ?? 0);
const server = createServer((request, response) => {
  const ready = Date.now() >= readyAt;
  response.writeHead(request.url === "/api/health" && ready ? 200 : 503, { "content-type": "text/plain" });
  response.end(ready ? "ok" : "starting");
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`stand-in listening on ${process.env.PORT} (pid ${process.pid})`));
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
