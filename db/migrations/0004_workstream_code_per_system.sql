ALTER TABLE "workstreams" DROP CONSTRAINT "workstreams_code_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "workstreams_code_uq" ON "workstreams" USING btree ("system_id","code");