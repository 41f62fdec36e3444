// Unit tests for lib/ids.ts.
import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/ids";

describe("isUuid", () => {
  it.each([
    "aaaaaaaa-1111-4111-8111-11111111111f",
    "AAAAAAAA-1111-4111-8111-11111111111F",
    "00000000-0000-0000-0000-000000000000",
    "123e4567-e89b-12d3-a456-426614174000",
    "0190c0de-7b3a-7cc1-9f2e-5a1b2c3d4e5f",
  ])("accepts %s", (value) => {
    expect(isUuid(value)).toBe(true);
  });

  it("accepts what crypto.randomUUID makes", () => {
    for (let i = 0; i < 20; i++) expect(isUuid(crypto.randomUUID())).toBe(true);
  });

  it.each([
    "",
    "RTH",
    "aaaaaaaa11114111811111111111111f", // no hyphens
    "{aaaaaaaa-1111-4111-8111-11111111111f}",
    " aaaaaaaa-1111-4111-8111-11111111111f",
    "aaaaaaaa-1111-4111-8111-11111111111f ",
    "aaaaaaaa-1111-4111-8111-11111111111f\n",
    "aaaaaaaa-1111-4111-8111-11111111111",
    "aaaaaaaa-1111-4111-8111-11111111111ff",
    "gaaaaaaa-1111-4111-8111-11111111111f",
    "aaaaaaa-11111-4111-8111-11111111111f",
    "urn:uuid:aaaaaaaa-1111-4111-8111-11111111111f",
    "1' OR '1'='1",
    "aaaaaaaa-1111-4111-8111-11111111111f/../x",
  ])("rejects %j", (value) => {
    expect(isUuid(value)).toBe(false);
  });
});
