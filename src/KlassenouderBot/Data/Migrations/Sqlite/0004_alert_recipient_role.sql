-- 0004 The role an alert was addressed to (klassenouder, leerkracht, directeur), so the admin app's inbox
-- shows a class parent the class parent's copy and a teacher the teacher's. Older alerts have ''.

ALTER TABLE alerts ADD COLUMN recipient_role TEXT NOT NULL DEFAULT '';
