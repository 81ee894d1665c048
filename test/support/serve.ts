import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

/**
 * Starts an app on a real socket (127.0.0.1, a free port chosen by the OS) for tests that need
 * one: browser tests, HTTP clients, load checks. `close()` also drops keep-alive connections.
 *
 *   const served = await serveApp(app);
 *   await fetch(`${served.url}/health`);
 *   await served.close();
 */
export interface ServedApp {
  /** e.g. "http://127.0.0.1:41234" (no trailing slash). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type FetchApp = { fetch: (request: Request, ...rest: any[]) => Response | Promise<Response> };

export function serveApp(app: FetchApp, hostname = "127.0.0.1"): Promise<ServedApp> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            const s = server as unknown as { closeAllConnections?: () => void };
            server.close((e?: Error) => (e ? fail(e) : done()));
            s.closeAllConnections?.();
          }),
      });
    });
    server.once("error", reject);
  });
}
