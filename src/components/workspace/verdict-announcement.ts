// The one short sentence a screen reader hears when a verdict arrives ("Submission graded: 7.5 of
// 10, failed — You flipped the kernel."); the results panel holds everything else.
import type { TDiagnosis, TGradingMode, TGradingStatus } from "@/grading/result-schema";
import { format, type TLocale } from "@/i18n";
import type { workspaceMessages } from "@/i18n/workspace";
import { formatScore } from "./results-view";

type TMessages = ReturnType<typeof workspaceMessages>;

/** Up to the first full stop: diagnoses open with the mistake in a few words ("You flipped the kernel."). */
export function takeFirstSentence(text: string): string {
  const match = /^.*?(?:[.!?](?=\s|$)|[。！？])/su.exec(text);
  return (match?.[0] ?? text).trim();
}

export function describeVerdict(
  result: { mode: TGradingMode; status: TGradingStatus; gradable: boolean; score: number; maxScore: number; diagnoses: readonly TDiagnosis[] },
  t: TMessages,
  locale: TLocale,
): string {
  const mode = result.mode === "submit" ? t.modeSubmit : t.modeRun;
  if (!result.gradable) return format(t.announceNotGradable, { mode });
  const statuses: Record<TGradingStatus, string> = {
    passed: t.announcePassed,
    failed: t.announceFailed,
    error: t.announceError,
    timeout: t.announceTimeout,
  };
  const verdict = format(t.announceGraded, {
    mode,
    score: formatScore(result.score),
    maxScore: formatScore(result.maxScore),
    status: statuses[result.status],
  });
  const likeliest = result.diagnoses[0];
  if (!likeliest) return verdict;
  return format(t.announceMistake, { verdict, mistake: takeFirstSentence(locale === "zh-CN" ? likeliest.messageZh : likeliest.message) });
}
