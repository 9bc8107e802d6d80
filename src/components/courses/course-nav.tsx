"use client";
// The tabs of a course in the instructor area; the current one is marked for screen readers too.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLocale } from "@/components/layout/locale-provider";
import { instructorMessages } from "@/i18n/instructor";

export function CourseNav({ courseId }: { courseId: string }) {
  const t = instructorMessages(useLocale());
  const pathname = usePathname();
  const base = `/instructor/courses/${courseId}`;
  const links = [
    { href: base, label: t.overview, isCurrent: pathname === base || pathname.startsWith(`${base}/assignments`) },
    { href: `${base}/roster`, label: t.roster, isCurrent: pathname.startsWith(`${base}/roster`) },
    { href: `${base}/regrades`, label: t.regrades, isCurrent: pathname.startsWith(`${base}/regrades`) },
    { href: `${base}/lms`, label: t.lmsSync, isCurrent: pathname.startsWith(`${base}/lms`) },
  ];
  return (
    <nav aria-label={t.courseNav} className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.isCurrent ? "page" : undefined}
              className={`inline-block rounded-t-md px-4 py-2 text-sm font-medium ${
                link.isCurrent ? "border border-b-0 border-slate-200 bg-white text-blue-900" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
