-- Run by oteldocs/mariadb at every start (mariadbd --init-file): the
-- database and the user that examples and tests connect as. For tests only:
-- a known password, reachable from any address.
CREATE DATABASE IF NOT EXISTS oteldocs;
CREATE USER IF NOT EXISTS 'oteldocs'@'%' IDENTIFIED BY 'oteldocs';
GRANT ALL PRIVILEGES ON *.* TO 'oteldocs'@'%';
