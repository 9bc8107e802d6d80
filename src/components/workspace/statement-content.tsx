// An exercise statement's Markdown with KaTeX maths ($…$ inline, $$…$$ display), rendered on the
// server: react-markdown, remark-math and KaTeX never reach the browser, and KaTeX's stylesheet
// loads only on pages that show a statement. Raw HTML in the Markdown is not rendered.
import type { ReactElement } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { expandDisplayMath, makeDisplayMathFocusable } from "./statement-markdown";
import "katex/dist/katex.min.css";
import "./statement.css";

// Headings start at h2: the page's own h1 names the exercise.
const COMPONENTS: Components = {
  h1: ({ children }) => <h2 className="mt-6 mb-2 text-xl font-semibold text-slate-900 first:mt-0">{children}</h2>,
  h2: ({ children }) => <h3 className="mt-5 mb-2 text-lg font-semibold text-slate-900">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-4 mb-2 font-semibold text-slate-900">{children}</h4>,
  p: ({ children }) => <p className="my-3 leading-7">{children}</p>,
  ul: ({ children }) => <ul className="my-3 list-disc pl-6 leading-7">{children}</ul>,
  ol: ({ children }) => <ol className="my-3 list-decimal pl-6 leading-7">{children}</ol>,
  a: ({ children, href }) => (
    <a href={href} className="text-blue-800 underline underline-offset-2">
      {children}
    </a>
  ),
  pre: ({ children }) => <pre tabIndex={0} className="my-3 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm leading-6">{children}</pre>,
  table: ({ children }) => (
    <div className="my-3 overflow-x-auto" tabIndex={0}>
      <table className="border-collapse text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className="border border-slate-300 bg-slate-50 px-2 py-1 text-left font-medium">{children}</th>,
  td: ({ children }) => <td className="border border-slate-300 px-2 py-1">{children}</td>,
  blockquote: ({ children }) => <blockquote className="my-3 border-l-4 border-blue-200 pl-4 text-slate-700">{children}</blockquote>,
};

/** Rendered statements by their Markdown text: a few per exercise, re-rendered when a file changes. */
const rendered = new Map<string, ReactElement>();
const MAX_RENDERED = 64;

/**
 * KaTeX takes most of a second per statement on a busy server, so each text is rendered once and
 * its element tree reused: it is plain data, the same for every request. Markdown is called as a
 * function for that; it is synchronous and uses no hooks.
 */
export function StatementContent({ markdown }: { markdown: string }) {
  const cached = rendered.get(markdown);
  if (cached) return cached;
  const element = Markdown({
    // GFM for the tables statements use (build-cnn's layers and state_dict keys)
    remarkPlugins: [remarkGfm, remarkMath],
    rehypePlugins: [[rehypeKatex, { throwOnError: false }], makeDisplayMathFocusable],
    components: COMPONENTS,
    children: expandDisplayMath(markdown),
  });
  // edited statements leave old texts behind: start over rather than grow without bound
  if (rendered.size >= MAX_RENDERED) rendered.clear();
  rendered.set(markdown, element);
  return element;
}
