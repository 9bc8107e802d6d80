// The one short sentence a screen reader hears when a verdict arrives ("Submission graded: 7.5 of
// 10, failed — You flipped the kernel.", "4 of 6 sample cases pass, failed — …" for a sample run,
// or what stopped the code when no mistake is named); the results panel holds everything else.
import { renderMessage, type TMessage } from "@/grading/result-format";
import type { TDiagnosis, TGradingMode, TGradingStatus } from "@/grading/result-schema";
import { format, type TLocale } from "@/i18n";
import type { workspaceMessages } from "@/i18n/workspace";
import { formatScore } from "./results-view";

/** A Python error in the result's message can be long; the panel shows all of it. */
const MAX_ANNOUNCED_REASON = 200;

type TMessages = ReturnType<typeof workspaceMessages>;

/** Up to the first full stop: diagnoses open with the mistake in a few words ("You flipped the kernel."). */
export function takeFirstSentence(text: string): string {
  const match = /^.*?(?:[.!?](?=\s|$)|[\u3002\uff01\uff1f])/su.exec(text);
  return (match?.[0] ?? text).trim();
}

export function describeVerdict(
  result: {
    mode: TGradingMode;
    status: TGradingStatus;
    gradable: boolean;
    score: number;
    maxScore: number;
    diagnoses: readonly TDiagnosis[];
    message: TMessage | null;
    cases: readonly { passed: boolean }[];
  },
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
  // A sample run has no score: it says how many sample cases pass.
  const verdict =
    result.mode === "run" && result.cases.length > 0
      ? format(t.announceSamples, { count: format(t.sampleCount, { passed: result.cases.filter((c) => c.passed).length, total: result.cases.length }), status: statuses[result.status] })
      : format(t.announceGraded, {
          mode,
          score: formatScore(result.score),
          maxScore: formatScore(result.maxScore),
          status: statuses[result.status],
        });
  // the likeliest mistake, else what stopped the code (time limit, load error)
  const likeliest = result.diagnoses[0];
  const shown = likeliest ? likeliest.message : result.message;
  const reason = shown && renderMessage(shown, locale).split("\n")[0];
  if (!reason) return verdict;
  const sentence = takeFirstSentence(reason);
  const mistake = sentence.length <= MAX_ANNOUNCED_REASON ? sentence : `${sentence.slice(0, MAX_ANNOUNCED_REASON - 1)}…`;
  return format(t.announceMistake, { verdict, mistake });
}
