import Link from "next/link";

export default function Forbidden() {
  return (
    <>
      <h1>You do not have access to this page</h1>
      <p>Your role does not include it. If you need access, ask an administrator of your partnership.</p>
      <p>
        <Link href="/maturity">Go to digital maturity</Link>
      </p>
    </>
  );
}
