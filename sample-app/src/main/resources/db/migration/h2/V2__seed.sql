-- 200 authors, 2,000 books, 20,000 reviews: enough data for a slow query to be really slow.
insert into author (name)
select 'Author ' || x from system_range(1, 200);

insert into book (title, published, author_id)
select 'Title' || x, 1950 + mod(x, 70), 1 + mod(x, 200) from system_range(1, 2000);

insert into review (rating, body, book_id)
select 1 + mod(x, 5), 'Review ' || x || ' compares it with Title' || (1 + mod(x * 7, 2000)) || ' and finds it ' ||
	case mod(x, 3) when 0 then 'better' when 1 then 'worse' else 'about the same' end,
	1 + mod(x, 2000)
from system_range(1, 20000);
