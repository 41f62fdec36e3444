import { describe, expect, it } from "vitest";
import { chooseSystem, systemOfPlace, systemParams } from "@/lib/system-scope";

const bob = { id: "b", code: "BOB", name: "Buckinghamshire, Oxfordshire & Berkshire West" };
const ash = { id: "a", code: "SYN01", name: "Ashdown and Weald" };
const systems = [ash, bob];

describe("which system a page shows", () => {
  it("is the one the URL names, else the user's own, else the first", () => {
    expect(chooseSystem(systems, "BOB", [])).toBe(bob);
    expect(chooseSystem(systems, "BOB", ["a"])).toBe(bob);
    expect(chooseSystem(systems, undefined, ["b"])).toBe(bob);
    expect(chooseSystem(systems, "NOPE", ["b"])).toBe(bob);
    expect(chooseSystem(systems, undefined, [])).toBe(ash);
    expect(chooseSystem([], "BOB", ["b"])).toBeNull();
  });

  it("follows a place named without a system to the place's system", () => {
    expect(systemOfPlace(systems, ash, undefined, "b")).toBe(bob);
    expect(systemOfPlace(systems, ash, "SYN01", "b")).toBe(ash);
    expect(systemOfPlace(systems, ash, undefined, undefined)).toBe(ash);
    expect(systemOfPlace(systems, ash, undefined, "gone")).toBe(ash);
  });

  it("keeps the system in links only where there is a choice", () => {
    expect(systemParams({ systems, system: bob })).toEqual({ system: "BOB" });
    expect(systemParams({ systems: [bob], system: bob })).toEqual({});
    expect(systemParams({ systems, system: null })).toEqual({});
  });
});
