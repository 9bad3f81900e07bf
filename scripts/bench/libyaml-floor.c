/* Copied from the project's shared benchmark yardsticks (bench/libyaml-floor.c, written for issue 11);
 * the benchmark scripts compile it and print rigctl's time as a ratio of it. */
/* The floor for reading YAML on this machine: libyaml's parser, events only, over every file
 * matching a glob. Prints "<files> files <events> events <ms> ms".
 * Build: cc -O2 libyaml-floor.c -o libyaml-floor -lyaml
 * Use:   ./libyaml-floor 'machines/*.yaml'   (quote the glob) */
#include <glob.h>
#include <stdio.h>
#include <time.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s 'GLOB'\n", argv[0]); return 64; }
    glob_t files;
    if (glob(argv[1], 0, NULL, &files) != 0) { fprintf(stderr, "no files match %s\n", argv[1]); return 2; }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long events = 0;
    for (size_t i = 0; i < files.gl_pathc; i++) {
        FILE *file = fopen(files.gl_pathv[i], "rb");
        if (!file) { perror(files.gl_pathv[i]); return 2; }
        yaml_parser_t parser;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_file(&parser, file);
        for (int done = 0; !done;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) break;
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            events++;
        }
        yaml_parser_delete(&parser);
        fclose(file);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
    printf("%zu files %ld events %.1f ms\n", files.gl_pathc, events, ms);
    globfree(&files);
    return 0;
}
