-- The reference pipeline's Athena queries, with only the table name changed to `documents`.
-- Run each with: bin/docstream query "<statement>"

-- (1) Average salary by position.
SELECT position, AVG(salary_start) AS avg_salary_start, AVG(salary_end) AS avg_salary_end
FROM documents
GROUP BY position
ORDER BY avg_salary_end DESC;

-- (2) High-paying jobs that ask for a Bachelor's degree.
SELECT file_name, position, salary_start, salary_end
FROM documents
WHERE salary_start > 90000 AND (req LIKE '%bachelor%' OR education_length = '4 years')
ORDER BY salary_start DESC;
