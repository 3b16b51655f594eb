// bench/refused-burst.mjs - BURST concurrent PATCHes of a MIB MiB JSON body to URL, half with
// Content-Length and half chunked, as a crowd of clients over the JSON body cap would send them.
//   CLIENT=fetch   Node's fetch (undici), body as bytes or a stream of 64 KiB chunks: it writes the
//                  whole body before it reads the answer, and a write that fails fails the request
//   CLIENT=socket  a raw HTTP/1.1 socket per request (chunked in 64 KiB chunks), reading the answer
//                  while it writes: it sees an answer the server sent before closing, if it came first
// Prints one JSON line: the time, a tally of "<length|chunked> <status or error code>" and, per
// outcome, when the first and the last of them came (ms after the burst began).
//   node bench/refused-burst.mjs URL TOKEN [BURST=300] [MIB=3] [CLIENT=fetch]
import net from "node:net";

const [url, token, burst = "300", mib = "3", client = "fetch"] = process.argv.slice(2);
const bytes = new TextEncoder().encode(`{"name": "${"x".repeat(Number(mib) * 1024 * 1024 - 13)}"}`);
const CHUNK = 64 * 1024;

function chunked() {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
}

async function withFetch(sized) {
  try {
    const response = await fetch(url, {
      method: "PATCH",
      headers: { "content-type": "application/json", "x-auth-token": token },
      body: sized ? bytes : chunked(),
      duplex: "half",
      signal: AbortSignal.timeout(120_000),
    });
    await response.arrayBuffer();
    return String(response.status);
  } catch (error) {
    return error.cause?.code ?? error.name;
  }
}

function withSocket(sized) {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    let answer = "";
    const socket = net.connect(Number(port), hostname, () => {
      const framing = sized ? `Content-Length: ${bytes.length}` : "Transfer-Encoding: chunked";
      socket.write(
        `PATCH ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nX-Auth-Token: ${token}\r\n${framing}\r\nConnection: close\r\n\r\n`,
      );
      if (sized) socket.write(bytes);
      else {
        for (let offset = 0; offset < bytes.length; offset += CHUNK) {
          const chunk = bytes.subarray(offset, offset + CHUNK);
          socket.write(`${chunk.length.toString(16)}\r\n`);
          socket.write(chunk);
          socket.write("\r\n");
        }
        socket.write("0\r\n\r\n");
      }
    });
    const status = () => /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
    socket.setTimeout(120_000, () => socket.destroy(new Error("timeout")));
    socket.on("data", (data) => {
      answer += data.toString("latin1");
      if (status()) resolve(status());
    });
    socket.on("error", (error) => resolve(status() ?? error.code ?? error.message));
    socket.on("close", () => resolve(status() ?? "closed"));
  }).finally(() => undefined);
}

const tally = {};
const when = {};
const started = Date.now();
await Promise.all(
  Array.from({ length: Number(burst) }, async (_, i) => {
    const sized = i % 2 === 0;
    const outcome = await (client === "socket" ? withSocket(sized) : withFetch(sized));
    const key = `${sized ? "length" : "chunked"} ${outcome}`;
    tally[key] = (tally[key] ?? 0) + 1;
    const ms = Date.now() - started;
    when[outcome] = [Math.min(when[outcome]?.[0] ?? ms, ms), Math.max(when[outcome]?.[1] ?? ms, ms)];
  }),
);
const sorted = Object.fromEntries(Object.entries(tally).sort(([a], [b]) => a.localeCompare(b)));
console.log(JSON.stringify({ ms: Date.now() - started, answers: sorted, when }));
process.exit(0);
