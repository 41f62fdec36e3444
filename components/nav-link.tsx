"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link className="nhsuk-header__navigation-link" href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
