/*
 * A stand-in java.exe for windows-user's checks of examples\run.cmd's JDK search: it reports the
 * java.version written in version.txt beside it, as a JDK's -XshowSettings:properties does (on stderr), and
 * otherwise prints "fake java VERSION:" and its arguments on stdout, so a check sees which one was chosen
 * and with what - without starting real JDKs of every version under Wine.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    char path[MAX_PATH + 16];
    char version[64] = "";
    DWORD length = GetModuleFileNameA(NULL, path, MAX_PATH);
    char *slash = length > 0 && length < MAX_PATH ? strrchr(path, '\\') : NULL;
    if (slash != NULL) {
        strcpy(slash + 1, "version.txt");
        FILE *file = fopen(path, "r");
        if (file != NULL) {
            if (fgets(version, sizeof version, file) == NULL) {
                version[0] = '\0';
            }
            fclose(file);
            version[strcspn(version, "\r\n")] = '\0';
        }
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-XshowSettings:properties") == 0) {
            fprintf(stderr, "Property settings:\n    java.vendor = fake\n    java.version = %s\n"
                    "    java.version.date = 2020-01-14\n\n", version);
            return 0;
        }
    }
    printf("fake java %s:", version);
    for (int i = 1; i < argc; i++) {
        printf(" %s", argv[i]);
    }
    printf("\n");
    return 0;
}
