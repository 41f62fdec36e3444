import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>The page may have moved, or the link may be wrong.</p>
      <p>
        <Link href="/maturity">Go to digital maturity</Link>
      </p>
    </>
  );
}
