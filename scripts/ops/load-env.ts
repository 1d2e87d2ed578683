// Scripts read .env files exactly as the Next server does, so `npm run db:migrate` and the server
// always agree on DATABASE_URL. Imported first by every script.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
