@echo off
rem Runs the examples on Windows (README "Windows"), as examples/run does under bash:
rem "examples\run.cmd http" starts the HTTP server on http://127.0.0.1:8080/; "examples\run.cmd --help"
rem lists the commands (http, echo, load).
rem
rem Builds examples\target\iocp4j-examples.jar with Maven (mvn.cmd on the PATH; Maven finds a JDK 22+
rem itself, see pom.xml) when the jar is missing or older than any source, then runs it on a JDK 22 or
rem newer - JAVA_HOME is not needed: %JAVA_HOME%\bin\java.exe if that is one, else java on the PATH if
rem that is one, else the newest jdk-* under %ProgramFiles%\Eclipse Adoptium, \Java and \Microsoft.
rem
rem The JVM runs in the foreground of this console: Ctrl-C reaches it, and its shutdown hook stops the
rem server gracefully. The exit code is the JVM's. Unlike examples/run, the JVM keeps the caller's current
rem directory, so relative paths in the options (--root .\site) mean what they say where they were typed.
rem
rem Paths are expanded only inside quotes or outside parenthesized blocks: "C:\Program Files (x86)" and
rem the like would otherwise end a block early.
setlocal EnableExtensions DisableDelayedExpansion

for %%i in ("%~dp0..") do set "ROOT=%%~fi"
set "JAR=%ROOT%\examples\target\iocp4j-examples.jar"
set "SCRATCH=%TEMP%\iocp4j-run-%RANDOM%%RANDOM%"
set "MINIMUM=22"

set "JAVA_EXE="
set "BEST_JAVA="
set "BEST_KEY=0"
call :find_java
if defined JAVA_EXE goto :have_java
>&2 echo examples\run.cmd: no JDK %MINIMUM% or newer found. Looked at, in this order:
>&2 echo   1. %%JAVA_HOME%%\bin\java.exe
>&2 echo   2. java on the PATH (where java)
>&2 echo   3. the newest jdk-* directory under "%ProgramFiles%\Eclipse Adoptium", "%ProgramFiles%\Java" and "%ProgramFiles%\Microsoft"
if exist "%SCRATCH%.seen" goto :list_seen
>&2 echo and found no java.exe at all.
goto :no_java
:list_seen
>&2 echo and found only:
>&2 type "%SCRATCH%.seen"
:no_java
>&2 echo Install a JDK %MINIMUM% or newer (for example Eclipse Temurin 25), or set JAVA_HOME to one.
call :cleanup
exit /b 1

:have_java
call :cleanup
set "BUILD="
if not exist "%JAR%" set "BUILD=it is missing"
if not defined BUILD call :check_fresh
if not defined BUILD goto :run
call :build
if errorlevel 1 exit /b 1

:run
rem No "start", no "call": the JVM shares this console, so Ctrl-C reaches it.
"%JAVA_EXE%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%


rem ---------------------------------------------------------------------------------------------------
:find_java
if defined JAVA_HOME call :accept_first "%JAVA_HOME%\bin\java.exe"
if defined JAVA_EXE exit /b 0
set "ON_PATH="
for /f "delims=" %%j in ('where java 2^>nul') do (
    set "ON_PATH=yes"
    if not defined JAVA_EXE call :accept_first "%%~j"
)
if defined JAVA_EXE exit /b 0
rem where.exe printed nothing: it may be missing, or a stub (Wine's prints nothing and succeeds), so
rem cmd's own PATH search (the java.exe that typing "java" runs) has the last word.
if not defined ON_PATH (
    for %%j in (java.exe) do if not "%%~$PATH:j"=="" call :accept_first "%%~$PATH:j"
)
if defined JAVA_EXE exit /b 0
rem "dir /b" and not "for /d": Wine's cmd matches no quoted wildcard in "for /d", and these paths have spaces.
for %%d in ("%ProgramFiles%\Eclipse Adoptium" "%ProgramFiles%\Java" "%ProgramFiles%\Microsoft") do (
    if exist "%%~d\" (
        for /f "delims=" %%k in ('dir /b /ad "%%~d\jdk-*" 2^>nul') do call :consider_newest "%%~d\%%k\bin\java.exe"
    )
)
if defined BEST_JAVA set "JAVA_EXE=%BEST_JAVA%"
exit /b 0

rem %1: a java.exe; taken if it is a JDK 22 or newer.
:accept_first
call :probe "%~1"
if %PROBE_FEATURE% GEQ %MINIMUM% (
    set "JAVA_EXE=%~1"
) else (
    call :seen "%~1"
)
exit /b 0

rem %1: a java.exe; kept if it is a JDK 22 or newer and newer than the best so far.
:consider_newest
call :probe "%~1"
if %PROBE_FEATURE% LSS %MINIMUM% (
    call :seen "%~1"
    exit /b 0
)
if %PROBE_KEY% GTR %BEST_KEY% (
    set "BEST_KEY=%PROBE_KEY%"
    set "BEST_JAVA=%~1"
)
exit /b 0

:seen
>>"%SCRATCH%.seen" echo   "%~1": %PROBE_VERSION%
exit /b 0

rem %1: a java.exe. Sets PROBE_VERSION (its java.version, or why there is none), PROBE_FEATURE (the
rem feature release: 8 for "1.8.0_392", 22 for "22", 25 for "25.0.2"; 0 when unknown) and PROBE_KEY (for
rem "newest": feature, interim and update as one number). -XshowSettings:properties prints java.version as
rem it is; the output goes through a file because "for /f" cannot run a quoted program path reliably.
:probe
set "PROBE_VERSION="
set "PROBE_FEATURE=0"
set "PROBE_KEY=0"
if exist "%~1" goto :probe_run
set "PROBE_VERSION=no such file"
exit /b 0
:probe_run
"%~1" -XshowSettings:properties -version >"%SCRATCH%.props" 2>&1
for /f "usebackq tokens=1,* delims== " %%a in ("%SCRATCH%.props") do (
    if "%%~a"=="java.version" if not defined PROBE_VERSION set "PROBE_VERSION=%%b"
)
if defined PROBE_VERSION goto :probe_parse
set "PROBE_VERSION=did not report java.version"
exit /b 0
:probe_parse
set "V1=" & set "V2=" & set "V3=" & set "V4="
for /f "tokens=1-4 delims=._-+" %%a in ("%PROBE_VERSION%") do (
    set "V1=%%a" & set "V2=%%b" & set "V3=%%c" & set "V4=%%d"
)
rem Before JDK 9 the version was 1.FEATURE.0_UPDATE.
if not "%V1%"=="1" goto :probe_numbers
set "V1=%V2%" & set "V2=0" & set "V3=%V4%"
:probe_numbers
call :number "%V1%" FEATURE 2000
call :number "%V2%" INTERIM 999
call :number "%V3%" UPDATE 999
set "PROBE_FEATURE=%FEATURE%"
set /a "PROBE_KEY=FEATURE*1000000+INTERIM*1000+UPDATE"
exit /b 0

rem %1: text; %2: the variable to set to its value when it is a plain decimal number (capped at %3), else 0.
rem set /a alone would read letters as a variable's name; JDK versions have no leading zeros (JEP 322),
rem so set /a's octal reading of those never comes into play. More than 4 digits count as unknown, read
rem from a padded copy: Wine's cmd expands a substring starting past the end to garbage.
:number
set "%~2=0"
set "NUMBER=%~1"
if not defined NUMBER exit /b 0
for /f "delims=0123456789" %%x in ("%NUMBER%") do exit /b 0
set "PADDED=%NUMBER%....."
if not "%PADDED:~4,1%"=="." exit /b 0
set /a "%~2=NUMBER"
if %NUMBER% GTR %~3 set "%~2=%~3"
exit /b 0

:cleanup
del /q "%SCRATCH%.seen" "%SCRATCH%.props" >nul 2>&1
exit /b 0

rem Sets BUILD when a source is newer than the jar - the files examples/run compares: the poms, the main
rem sources and their directories (whose times change when a file is deleted). PowerShell answers 10 (up
rem to date) or 11 (stale); any other answer (no PowerShell, or a stub such as Wine's, which succeeds
rem without running anything) leaves the jar as it is, and says so.
:check_fresh
pushd "%ROOT%"
powershell.exe -NoLogo -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath 'examples\target\iocp4j-examples.jar').LastWriteTimeUtc; $main = 'native-bindings\src\main', 'iocp-core\src\main', 'examples\src\main'; $sources = @(Get-Item -Path 'pom.xml', '*\pom.xml') + @(Get-Item -LiteralPath $main) + @(Get-ChildItem -Recurse -Force -LiteralPath $main); foreach ($s in $sources) { if ($s.LastWriteTimeUtc -gt $jar) { exit 11 } }; exit 10" >nul 2>&1
set "FRESHNESS=%ERRORLEVEL%"
popd
if "%FRESHNESS%"=="10" exit /b 0
if "%FRESHNESS%"=="11" set "BUILD=a source is newer"
if "%FRESHNESS%"=="11" exit /b 0
>&2 echo examples\run.cmd: could not check whether "%JAR%" is up to date (PowerShell answered %FRESHNESS%, not 10 or 11); running it as it is. To rebuild it: mvn -B -q -pl examples -am package -DskipTests
exit /b 0

:build
set "MVN="
for %%m in (mvn.cmd) do set "MVN=%%~$PATH:m"
if defined MVN goto :have_mvn
>&2 echo examples\run.cmd: "%JAR%" needs building (%BUILD%), but Maven is not on the PATH (no mvn.cmd).
>&2 echo Install Apache Maven 3.6.3 or newer and add its bin directory to the PATH, then run this again.
exit /b 1
:have_mvn
rem mvn.cmd starts on JAVA_HOME, else on java from the PATH; when JAVA_HOME names no JDK, the one found
rem above serves, unless it is a PATH shim (whose directory's parent has no bin\java.exe). Maven then
rem picks the build's JDK 22+ itself.
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" goto :run_mvn
for %%h in ("%JAVA_EXE%\..\..") do set "FOUND_HOME=%%~fh"
if exist "%FOUND_HOME%\bin\java.exe" set "JAVA_HOME=%FOUND_HOME%"
:run_mvn
>&2 echo examples\run.cmd: building "%JAR%" (%BUILD%; mvn package, tests skipped)...
pushd "%ROOT%"
call "%MVN%" -B -q --no-transfer-progress -Dstyle.color=never -pl examples -am package -DskipTests 1>&2
set "MVN_STATUS=%ERRORLEVEL%"
popd
if "%MVN_STATUS%"=="0" goto :built
>&2 echo examples\run.cmd: the build failed (mvn exit code %MVN_STATUS%).
exit /b 1
:built
if exist "%JAR%" exit /b 0
>&2 echo examples\run.cmd: the build succeeded but left no "%JAR%".
exit /b 1
