#!/usr/bin/env node
// `npm run web`: builds the renderer if needed and serves it on 127.0.0.1 (PORT, default 5174).
import { buildRenderer, rendererOut } from './buildRenderer.mjs';
import { startWebServer } from './webServer.mjs';

export async function serveWeb() {
  buildRenderer();
  const wanted = Number(process.env.PORT ?? 5174);
  let server;
  try {
    server = await startWebServer({ root: rendererOut, port: wanted });
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    server = await startWebServer({ root: rendererOut, port: 0 });
    console.log(`Port ${wanted} is busy; using another one.`);
  }
  console.log(`ClusterLab (web build) is running at ${server.url}  (Ctrl+C to stop)`);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) await serveWeb();
