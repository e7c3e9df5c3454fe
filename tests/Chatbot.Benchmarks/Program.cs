using BenchmarkDotNet.Running;
using Chatbot.Benchmarks;

// dotnet run -c Release --project tests/Chatbot.Benchmarks -- --filter '*'        (BenchmarkDotNet)
// dotnet run -c Release --project tests/Chatbot.Benchmarks -- coldstart -n 7 -- CMD (spawn → first answer)
// dotnet run -c Release --project tests/Chatbot.Benchmarks -- coldstart-worker -n 7 -- FOLDER (the worker, via gRPC)
// dotnet run -c Release --project tests/Chatbot.Benchmarks -- load-worker -c 64 -d 10 -- FOLDER (worker's port, via gRPC)
// dotnet run -c Release --project tests/Chatbot.Benchmarks -- otlp-sink PORT          (OTLP/HTTP sink on loopback)
if (args is ["coldstart", .. var rest]) return await ColdStart.RunAsync(rest);
if (args is ["coldstart-worker", .. var workerArgs]) return await WorkerColdStart.RunAsync(workerArgs);
if (args is ["load-worker", .. var loadArgs]) return await WorkerLoad.RunAsync(loadArgs);
if (args is ["otlp-sink", .. var sinkArgs]) return await OtlpSink.RunAsync(sinkArgs);
BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
return 0;
