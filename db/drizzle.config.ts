import { defineConfig } from 'drizzle-kit';

// drizzle-kit only: generation needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
