// Each language's name in that language (its autonym), the same whatever the interface language,
// so that a reader finds their own language in a switcher they cannot read.
import type { TLocale } from "./index";

export const LANGUAGE_NAMES: Record<TLocale, string> = {
  en: "English",
  "zh-CN": "简体中文",
};
