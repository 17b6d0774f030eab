ALTER TABLE "reservations" ADD COLUMN "license_type" "license_type";--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "end_date" date;--> statement-breakpoint
-- Backfill reservations.license_type/start_date/end_date from the stored SLR authorization code
-- (best effort: the <entitlement> whose <tag> is the license's entitlement tag; dates only when
-- written YYYY-MM-DD...; epoch dates are left null until a newer code is imported).
with found as (
  select r.id,
         substring(r.authorization_code
                   from position('<tag>' || l.entitlement_tag || '</tag>' in r.authorization_code)) as rest
  from reservations r
  join licenses l on l.id = r.license_id
  where r.authorization_code is not null and l.entitlement_tag is not null
    and r.license_type is null
    and position('<tag>' || l.entitlement_tag || '</tag>' in r.authorization_code) > 0
),
entitlement as (
  select id, substring(rest from 1 for position('</entitlement>' in rest || '</entitlement>')) as e
  from found
),
fields as (
  select id,
         upper(trim(coalesce(substring(e from '<licenseType>([^<]*)</licenseType>'), ''))) as type_text,
         substring(e from '<startDate>\s*(\d{4}-\d{2}-\d{2})') as start_text,
         substring(e from '<endDate>\s*(\d{4}-\d{2}-\d{2})') as end_text
  from entitlement
)
update reservations r
set license_type = (case
      when f.type_text = 'PERPETUAL' then 'PERPETUAL'
      when f.type_text in ('TERM', 'SUBSCRIPTION', 'DEMO') then 'TERM'
      when f.end_text is not null then 'TERM'
      else null end)::license_type,
    start_date = f.start_text::date,
    end_date = f.end_text::date
from fields f
where f.id = r.id;
