"use client";
// Shown under the progress line once a submission has outlived its exercise's short budget, so a
// student whose code is slow (or never ends) knows the grader has not hung and why it takes longer.
import { useLocale } from "@/components/layout/locale-provider";
import { workspaceMessages } from "@/i18n/workspace";

export function SlowGradingNotice() {
  const t = workspaceMessages(useLocale());
  return (
    <p data-testid="slow-grading-notice" className="mt-1 text-sm text-blue-900">
      {t.progressTakingLonger}
    </p>
  );
}
