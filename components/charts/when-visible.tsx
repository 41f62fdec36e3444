"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Its children once it comes within a screen's height of the viewport, and from then on.
 * Until then an empty box of the same size (the class gives it), so nothing moves when it
 * fills. The trajectories page has a chart for each of its 29 domains: drawing them all at
 * load kept the browser's main thread busy for most of a second.
 */
export function WhenVisible({ className, children }: { className: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (seen || !element) return;
    if (typeof IntersectionObserver === "undefined") return setSeen(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: "100% 0px" });
    observer.observe(element);
    // Printing the page draws them all (a box not drawn in time is left out of the print).
    const show = () => setSeen(true);
    window.addEventListener("beforeprint", show);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", show);
    };
  }, [seen]);
  return seen ? children : <div ref={box} className={`${className} app-chart--waiting`} aria-hidden="true" />;
}
