// Text of setting a score by hand: the staff's form on a student's submissions page, and the
// course setting that lets TAs do it.
import { defineMessages } from "./index";

export const overrideMessages = defineMessages({
  en: {
    heading: "Score set by hand",
    current: "Set by {name}: {score} / {points}. It counts instead of the submissions' scores, also after regrades.",
    none: "No score was set by hand; the best submission counts.",
    score: "Score (out of {points})",
    comment: "Comment for the student (required, shown with the score)",
    save: "Set score",
    saving: "Saving…",
    saved: "Score set. The student sees it with your comment.",
    readOnly: "Only the course's instructors can set scores by hand, unless they allow TAs to in the course settings.",
    taMayOverride: "TAs may set students' scores by hand",
  },
  "zh-CN": {
    heading: "手动设置的分数",
    current: "由 {name} 设置：{score} / {points}。它取代提交的分数计入成绩，重新评测后依然有效。",
    none: "没有手动设置的分数；按最佳提交计分。",
    score: "分数（满分 {points}）",
    comment: "给学生的说明（必填，与分数一起显示）",
    save: "设置分数",
    saving: "正在保存…",
    saved: "分数已设置，学生会看到它和你的说明。",
    readOnly: "只有本课程的教师可以手动设置分数，除非他们在课程设置中允许助教这样做。",
    taMayOverride: "允许助教手动设置学生分数",
  },
});
