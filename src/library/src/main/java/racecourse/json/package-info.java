/** Reading and writing JSON, on Gson, with nesting and size limits ({@link racecourse.json.Json}). */
package racecourse.json;
