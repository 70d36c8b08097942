import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console is static files; where Keycloak and the gateway are is read at run time from /config.json. */
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
