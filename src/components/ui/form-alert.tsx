// Announces a form's outcome: errors interrupt (role=alert), successes are polite (role=status).
export function FormAlert({ kind, message }: { kind: "error" | "ok"; message: string }) {
  return kind === "error" ? (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {message}
    </p>
  ) : (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      {message}
    </p>
  );
}
