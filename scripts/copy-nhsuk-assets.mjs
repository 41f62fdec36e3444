// Serves nhsuk-frontend's compiled CSS and images as static files. The CSS holds old
// browser hacks (`@media screen\0`) that Next's CSS parser rejects, and browsers skip.
import fs from "node:fs";
import path from "node:path";

const source = path.join("node_modules", "nhsuk-frontend", "dist", "nhsuk");
const target = path.join("public", "nhsuk");
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.join(target), { recursive: true });
fs.copyFileSync(path.join(source, "nhsuk-frontend.min.css"), path.join(target, "nhsuk-frontend.min.css"));
// The stylesheet refers to its icons as /assets/images/...
fs.cpSync(path.join(source, "assets", "images"), path.join("public", "assets", "images"), { recursive: true });
console.log("nhsuk-frontend assets copied to public/");
