"""O*NET occupations: the shipped data, search by any job title, and a starting profile in
bocareer's own skills derived from an occupation."""
