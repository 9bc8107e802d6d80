// Vitest runs server modules outside Next.js, where the "server-only" guard has nothing to guard.
export {};
