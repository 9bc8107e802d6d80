import Link from "next/link";
import { commonMessages } from "@/i18n/common";
import { getLocale } from "@/i18n/server";

export default async function NotFound() {
  const t = commonMessages(await getLocale());
  return (
    <div className="py-12 text-center">
      <h1 className="text-2xl font-semibold">{t.notFoundTitle}</h1>
      <p className="mt-2 text-slate-700">{t.notFoundBody}</p>
      <Link href="/" className="mt-4 inline-block text-blue-800 underline">
        {t.home}
      </Link>
    </div>
  );
}
