import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The ASP.NET Core server listens here in development (see src/Touchpoint.Server).
const server = 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    // The server serves the built app as static files, so the bundle lands in its wwwroot.
    outDir: '../src/Touchpoint.Server/wwwroot',
    emptyOutDir: true,
    // The chunk shared by all pages holds Ant Design's core, about 720 kB (220 kB gzipped). Grouping all of antd
    // into one vendor chunk was tried and made the sign-in page download the table and date picker too.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': server,
      '/hubs': { target: server, ws: true },
      '/health': server,
      '/openapi': server,
      '/swagger': server,
    },
  },
});
